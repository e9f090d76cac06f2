package dev.migrator.core;

import java.util.List;

/**
 * What {@code repair()} did. Immutable.
 *
 * @param clearedFailures    the versions (descriptions, for repeatables) whose FAILED entry was cleared
 * @param realignedChecksums the versions whose recorded checksum was re-aligned with the script
 * @param markedApplied      the versions recorded as applied by {@code markApplied(version, reason)}
 */
public record RepairResult(List<String> clearedFailures, List<String> realignedChecksums,
                           List<String> markedApplied) {
    public RepairResult {
        clearedFailures = List.copyOf(clearedFailures);
        realignedChecksums = List.copyOf(realignedChecksums);
        markedApplied = List.copyOf(markedApplied);
    }

    /** What {@code repair()} did: nothing marked applied. */
    public RepairResult(List<String> clearedFailures, List<String> realignedChecksums) {
        this(clearedFailures, realignedChecksums, List.of());
    }
}
