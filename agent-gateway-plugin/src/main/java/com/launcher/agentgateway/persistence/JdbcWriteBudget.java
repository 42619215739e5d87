package com.launcher.agentgateway.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.ratelimit.WriteBudget;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Daily write counters in {@code agw_write_budget}, spent by one conditional upsert. */
public class JdbcWriteBudget implements WriteBudget {

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcWriteBudget(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean tryConsume(UUID agentId, LocalDate day, int limit) {
		if (limit <= 0) {
			return false;
		}
		List<Integer> used = this.jdbc.queryForList(
				"INSERT INTO agw_write_budget AS w (agent_id, day, used)"
						+ " VALUES (:agent, :day, 1) ON CONFLICT (agent_id, day) DO UPDATE SET used = w.used + 1"
						+ " WHERE w.used < :limit RETURNING used",
				params(agentId, day).addValue("limit", limit), Integer.class);
		return !used.isEmpty();
	}

	@Override
	public void refund(UUID agentId, LocalDate day) {
		this.jdbc.update(
				"UPDATE agw_write_budget SET used = used - 1 WHERE agent_id = :agent AND day = :day" + " AND used > 0",
				params(agentId, day));
	}

	@Override
	public int used(UUID agentId, LocalDate day) {
		List<Integer> used = this.jdbc.queryForList(
				"SELECT used FROM agw_write_budget WHERE agent_id = :agent AND day = :day", params(agentId, day),
				Integer.class);
		return used.isEmpty() ? 0 : used.get(0);
	}

	private static MapSqlParameterSource params(UUID agentId, LocalDate day) {
		return new MapSqlParameterSource("agent", agentId).addValue("day", day);
	}

}
