package com.launcher.agentgateway.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Wraps a data source, counts the statements prepared or created through it and keeps
 * each prepared statement's text and the values bound to it, so that a test can count
 * round trips and replay exactly what a store sent (under {@code EXPLAIN}, for example).
 */
final class CountingDataSource {

	private final AtomicInteger statements = new AtomicInteger();

	private final AtomicInteger metadataReads = new AtomicInteger();

	private final List<Integer> queryTimeouts = new CopyOnWriteArrayList<>();

	private final List<Captured> captured = new CopyOnWriteArrayList<>();

	private final DataSource dataSource;

	CountingDataSource(DataSource target) {
		this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? counting(connection) : result;
				});
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	int statements() {
		return this.statements.get();
	}

	/**
	 * How often a result set's metadata was asked for since the last {@link #reset()}.
	 */
	int metadataReads() {
		return this.metadataReads.get();
	}

	/** The query timeouts set on statements since the last {@link #reset()}, in order. */
	List<Integer> queryTimeouts() {
		return List.copyOf(this.queryTimeouts);
	}

	/** The prepared statements since the last {@link #reset()}, in order. */
	List<Captured> captured() {
		return List.copyOf(this.captured);
	}

	void reset() {
		this.statements.set(0);
		this.metadataReads.set(0);
		this.queryTimeouts.clear();
		this.captured.clear();
	}

	private Connection counting(Connection connection) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("prepareStatement") || name.equals("createStatement")
							|| name.equals("prepareCall")) {
						this.statements.incrementAndGet();
					}
					Object result = invoke(connection, method, args);
					if (name.equals("prepareStatement") && result instanceof PreparedStatement statement) {
						Captured capture = new Captured((String) args[0], new ArrayList<>());
						this.captured.add(capture);
						return capturing(statement, capture);
					}
					return result;
				});
	}

	private PreparedStatement capturing(PreparedStatement statement, Captured capture) {
		return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
					if (method.getName().equals("setQueryTimeout")) {
						this.queryTimeouts.add((Integer) args[0]);
					}
					// Parameter setters are the ones whose first argument is the index.
					if (method.getName().startsWith("set") && args != null && args.length >= 2
							&& args[0] instanceof Integer) {
						capture.binds().add(new Bind(method, args.clone()));
					}
					Object result = invoke(statement, method, args);
					return (result instanceof ResultSet rs) ? counting(rs) : result;
				});
	}

	private ResultSet counting(ResultSet rs) {
		return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ResultSet.class },
				(proxy, method, args) -> {
					if (method.getName().equals("getMetaData")) {
						this.metadataReads.incrementAndGet();
					}
					return invoke(rs, method, args);
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** One prepared statement and the values bound to it, as the driver saw them. */
	record Captured(String sql, List<Bind> binds) {

		/** Binds the same values, with the same setters, to another statement. */
		void bindTo(PreparedStatement statement) throws Exception {
			for (Bind bind : this.binds) {
				bind.method().invoke(statement, bind.args());
			}
		}

	}

	/** One call of a parameter setter. */
	record Bind(Method method, Object[] args) {
	}

}
