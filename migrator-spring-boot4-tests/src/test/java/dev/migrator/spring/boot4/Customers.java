package dev.migrator.spring.boot4;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA over the migrated table. */
public interface Customers extends JpaRepository<Customer, Long> {
}
