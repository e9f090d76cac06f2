/**
 * Not API: helpers that migrator's own modules share (masking secrets, reading migration names, the one JSON writer
 * and the envelope of every JSON event). The module exports this package only to them; it may change in any release.
 */
package dev.migrator.api.internal;
