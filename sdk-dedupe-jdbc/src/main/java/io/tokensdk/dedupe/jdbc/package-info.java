/**
 * {@link io.tokensdk.dedupe.jdbc.JdbcDedupeStore}: a dedupe store shared by several server instances, on one
 * PostgreSQL table through any JDBC {@code DataSource}.
 */
package io.tokensdk.dedupe.jdbc;
