package io.vigie.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Scoped rights (answer, accept, hide) a supervisor granted a community expert on one space of the centre. */
@Entity
@Table(name = "expert_grant")
public class ExpertGrant {

    /** Right to answer publicly (subject to review). */
    public static final String ANSWER = "answer";
    /** Right to mark an answer as accepted. */
    public static final String ACCEPT = "accept";
    /** Right to hide spam. */
    public static final String HIDE = "hide";
    /** Every right that can be granted. */
    public static final Set<String> RIGHTS = Set.of(ANSWER, ACCEPT, HIDE);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String expert;
    public String centre;
    public String space;
    /** Comma-separated rights. */
    public String rights;
    @Column(name = "granted_by")
    public String grantedBy;
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The rights as a set. */
    public Set<String> rightSet() {
        return Arrays.stream(rights.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
