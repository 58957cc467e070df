/**
 * MongoDB rules for application users (issue 17; spec mongodb-rules): {@link dev.hookstead.rules.Rules} reads the
 * manifest's normalised rules once into an immutable model and enforces it at the services bridge, the one door to
 * MongoDB, for every operation of a call that does not run as System; {@link dev.hookstead.rules.OwnData} walls off
 * Hookstead's own databases from every script. Reads merge the filters, and the role selection where it can be a
 * query, into the query the database runs and judge each returned document by its role; writes are judged in full
 * (pre-image, exact post-image, role, schema) before anything is written, each write pinned to the pre-image it was
 * judged on. Anything that cannot be judged is refused, never let through. Every choice the platform left
 * undocumented is in docs/compatibility.md, "Rules: enforcement".
 */
package dev.hookstead.rules;
