package dev.migrator.spring.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA over the migrated table. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {
}
