package com.launcher.agentgateway.persistence;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.type.TypeHandler;

/**
 * MyBatis's configuration, except that a query whose result type has a
 * {@link RowTypeHandler} hands each row straight to it.
 * <p>
 * MyBatis's own result handling first reads the result set's metadata: the name, JDBC
 * type and Java class of every column, which the PostgreSQL driver looks up in its type
 * cache under a lock. On the token look-up, 27 columns that every bearer request reads,
 * this cost more CPU than mapping the row (the introspection benchmark, issue 13), and a
 * whole-row read uses none of it. Every other statement, and any call with row bounds or
 * a result handler of its own, is handled by MyBatis as usual.
 */
public class RowReadingConfiguration extends Configuration {

	private final Map<MappedStatement, Optional<RowTypeHandler<?>>> rowHandlers = new ConcurrentHashMap<>();

	/**
	 * A configuration that reads whole the rows of the statements on every request's
	 * path: the token look-up, the audit append, and the failure count of a refused
	 * token.
	 */
	public RowReadingConfiguration() {
		getTypeHandlerRegistry().register(new PresentedRowTypeHandler());
		getTypeHandlerRegistry().register(new CountedRowTypeHandler());
		getTypeHandlerRegistry().register(new InsertedRowTypeHandler());
	}

	@Override
	public ResultSetHandler newResultSetHandler(Executor executor, MappedStatement statement, RowBounds rowBounds,
			ParameterHandler parameterHandler, ResultHandler resultHandler, BoundSql boundSql) {
		Optional<RowTypeHandler<?>> rows = (resultHandler == null && rowBounds == RowBounds.DEFAULT)
				? this.rowHandlers.computeIfAbsent(statement, this::rowHandler) : Optional.empty();
		if (rows.isEmpty()) {
			return super.newResultSetHandler(executor, statement, rowBounds, parameterHandler, resultHandler, boundSql);
		}
		// A cursor, or a procedure's output parameters, are still MyBatis's to
		// handle, from the same arguments.
		Supplier<ResultSetHandler> mybatis = () -> new DefaultResultSetHandler(executor, statement, parameterHandler,
				resultHandler, boundSql, rowBounds);
		return (ResultSetHandler) this.interceptorChain.pluginAll(new WholeRows(rows.get(), mybatis));
	}

	private Optional<RowTypeHandler<?>> rowHandler(MappedStatement statement) {
		List<ResultMap> maps = statement.getResultMaps();
		if (statement.getResultSets() != null || maps.size() != 1 || !maps.get(0).getResultMappings().isEmpty()
				|| maps.get(0).getDiscriminator() != null) {
			return Optional.empty();
		}
		TypeHandler<?> handler = getTypeHandlerRegistry().getTypeHandler(maps.get(0).getType());
		return (handler instanceof RowTypeHandler<?> rows) ? Optional.of(rows) : Optional.empty();
	}

	/** The rows of a query's first result set, each read by the row type's handler. */
	private static final class WholeRows implements ResultSetHandler {

		private final RowTypeHandler<?> handler;

		private final Supplier<ResultSetHandler> mybatis;

		WholeRows(RowTypeHandler<?> handler, Supplier<ResultSetHandler> mybatis) {
			this.handler = handler;
			this.mybatis = mybatis;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <E> List<E> handleResultSets(Statement statement) throws SQLException {
			List<E> rows = new ArrayList<>(1);
			try (ResultSet rs = firstResultSet(statement)) {
				while (rs != null && rs.next()) {
					rows.add((E) this.handler.read(rs));
				}
			}
			return rows;
		}

		// As MyBatis does: a statement may report update counts before its rows.
		private static ResultSet firstResultSet(Statement statement) throws SQLException {
			ResultSet rs = statement.getResultSet();
			while (rs == null && (statement.getMoreResults() || statement.getUpdateCount() != -1)) {
				rs = statement.getResultSet();
			}
			return rs;
		}

		@Override
		public <E> Cursor<E> handleCursorResultSets(Statement statement) throws SQLException {
			return this.mybatis.get().handleCursorResultSets(statement);
		}

		@Override
		public void handleOutputParameters(CallableStatement call) throws SQLException {
			this.mybatis.get().handleOutputParameters(call);
		}

	}

}
