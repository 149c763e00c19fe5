package io.vigie.centres.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A regional language centre. Languages are stored as comma-separated ISO 639-1 codes. */
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
    @Column(name = "updated_at")
    public Instant updatedAt;
}
