package dev.migrator.spring.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sample application's entity, validated by Hibernate (ddl-auto=validate) against the migrated table. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    private Long id;
    private String name;

    protected Customer() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
