/**
 * The stores on a SQL database, shared by H2 ({@code store.h2}) and PostgreSQL ({@code store.postgres}):
 * one schema ({@link dev.nangojvm.bindings.store.sql.Migrations}, migrated in code) and one set of
 * statements, written in the common subset of H2's PostgreSQL mode and PostgreSQL.
 *
 * <p>Record writes take their timestamp from a one-row clock table locked until commit, so record
 * transactions commit in timestamp order across every process sharing the database, and a reader
 * paging with a records cursor never misses a row. A {@link dev.nangojvm.bindings.store.sql.SqlDatabase#openUnitOfWork()
 * unit of work} keeps a run's writes in one open transaction and re-stamps them at commit.
 */
package dev.nangojvm.bindings.store.sql;
