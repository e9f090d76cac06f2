package dev.migrator.core;

import java.util.List;

/**
 * What {@code repair()} did. Immutable.
 *
 * @param clearedFailures    the versions (descriptions, for repeatables) whose FAILED entry was cleared
 * @param realignedChecksums the versions whose recorded checksum was re-aligned with the script
 */
public record RepairResult(List<String> clearedFailures, List<String> realignedChecksums) {
    public RepairResult {
        clearedFailures = List.copyOf(clearedFailures);
        realignedChecksums = List.copyOf(realignedChecksums);
    }
}
