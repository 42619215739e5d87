package com.launcher.agentgateway.config;

import org.apache.ibatis.session.SqlSession;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way the plugin's stores get a transaction: over the very data source MyBatis
 * hands its sessions, because mybatis-spring lets a mapper join only a transaction on
 * that data source; on any other the mapper would run outside it, unlocked.
 */
public final class GatewayTransactions {

	private GatewayTransactions() {
	}

	/**
	 * Transactions the mappers of {@code sessions} join.
	 * @param sessions the plugin's MyBatis sessions
	 * @return a template with the database's default isolation
	 */
	public static TransactionTemplate over(SqlSession sessions) {
		return new TransactionTemplate(
				new DataSourceTransactionManager(sessions.getConfiguration().getEnvironment().getDataSource()));
	}

}
