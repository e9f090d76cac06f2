package dev.migrator.spring.boot4;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The migrated table, validated by Hibernate 7. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    private Long id;
    private String name;

    protected Customer() {
    }

    public String getName() {
        return name;
    }
}
