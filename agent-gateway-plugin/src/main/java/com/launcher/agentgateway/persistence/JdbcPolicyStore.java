package com.launcher.agentgateway.persistence;

import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyStore;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The policy row of {@code agw_policy}. Saving it notifies {@link #CHANNEL}, so every
 * node's cached copy is dropped as the change commits ({@link PgChangeListener}).
 */
public class JdbcPolicyStore implements PolicyStore {

	/** The channel a policy change is announced on. */
	public static final String CHANNEL = "agw_policy";

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcPolicyStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Policy load() {
		return this.jdbc.queryForObject("SELECT * FROM agw_policy WHERE id = 1", Map.of(),
				(rs, i) -> new Policy(rs.getInt("max_token_days"), rs.getInt("default_token_days"),
						rs.getInt("burst_requests"), rs.getInt("burst_seconds"), rs.getInt("requests_per_minute"),
						rs.getInt("writes_per_day"), rs.getInt("connected_minutes"), rs.getInt("stale_hours"),
						rs.getBoolean("reporting_mode"), rs.getInt("oauth_access_token_minutes")));
	}

	@Override
	public void save(Policy policy, UUID updatedBy) {
		// The change and the notice to every node's cache commit together.
		this.jdbc.query(
				"WITH saved AS (UPDATE agw_policy SET max_token_days = :maxDays,"
						+ " default_token_days = :defaultDays, burst_requests = :burst, burst_seconds = :burstSeconds,"
						+ " requests_per_minute = :rpm, writes_per_day = :writes, connected_minutes = :connected,"
						+ " stale_hours = :stale, reporting_mode = :reporting,"
						+ " oauth_access_token_minutes = :oauthMinutes, updated_at = now(), updated_by = :by"
						+ " WHERE id = 1 RETURNING id) SELECT pg_notify('" + CHANNEL + "', '') FROM saved",
				new MapSqlParameterSource("maxDays", policy.maxTokenDays())
					.addValue("defaultDays", policy.defaultTokenDays())
					.addValue("burst", policy.burstRequests())
					.addValue("burstSeconds", policy.burstSeconds())
					.addValue("rpm", policy.requestsPerMinute())
					.addValue("writes", policy.writesPerDay())
					.addValue("connected", policy.connectedMinutes())
					.addValue("stale", policy.staleHours())
					.addValue("reporting", policy.reportingMode())
					.addValue("oauthMinutes", policy.oauthAccessTokenMinutes())
					.addValue("by", updatedBy),
				(row) -> {
				});
	}

}
