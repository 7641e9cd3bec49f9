/**
 * The stores on PostgreSQL ({@link dev.nangojvm.bindings.store.postgres.PostgresStores#open}): the
 * schema and statements of {@code store.sql}, shared with the embedded H2 default, migrated in code
 * when the database is opened.
 */
package dev.nangojvm.bindings.store.postgres;
