package io.vigie.workspace.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A prepared answer in one language, with {customer}, {product} and {agent} variables; centre null = every centre. */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String centre;
    public String language;
    public String title;
    public String body;
}
