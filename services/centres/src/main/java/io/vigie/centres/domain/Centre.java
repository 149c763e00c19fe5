package io.vigie.centres.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A regional language centre. The searchable fields have columns of their own (languages as comma-separated
 * ISO 639-1 codes); the full configuration is the JSON of an {@code io.vigie.events.CentreConfig}.
 */
@Entity
@Table(name = "centre")
public class Centre {

    @Id
    public String id;
    public String city;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "primary_languages")
    public String primaryLanguages;
    @Column(name = "secondary_languages")
    public String secondaryLanguages;
    @Column(name = "residency_zone")
    public String residencyZone;
    /** The full configuration as CentreConfig JSON. */
    public String config;
    /** Whether the centre is retired (kept so that its retirement is published and its history stays readable). */
    public boolean deleted;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the current configuration was acknowledged by the broker on centres.config; null until then (outbox). */
    @Column(name = "published_at")
    public Instant publishedAt;
}
