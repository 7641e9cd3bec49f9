/**
 * The default stores, on one embedded H2 database per directory ({@link dev.nangojvm.bindings.store.h2.H2Stores#open}),
 * in PostgreSQL mode: the statements and schema are those of {@code store.sql}, shared with PostgreSQL.
 */
package dev.nangojvm.bindings.store.h2;
