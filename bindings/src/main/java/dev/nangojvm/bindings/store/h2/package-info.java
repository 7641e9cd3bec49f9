/**
 * The default stores, on one embedded H2 database per directory ({@link dev.nangojvm.bindings.store.h2.H2Stores#open}),
 * with the schema migrated in code. The SQL is the common subset of H2 (PostgreSQL mode) and PostgreSQL.
 */
package dev.nangojvm.bindings.store.h2;
