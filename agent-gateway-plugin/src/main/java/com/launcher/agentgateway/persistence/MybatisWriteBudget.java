package com.launcher.agentgateway.persistence;

import java.time.LocalDate;
import java.util.UUID;

import com.launcher.agentgateway.ratelimit.WriteBudget;
import org.apache.ibatis.session.SqlSession;

/** Daily write counters in {@code agw_write_budget}, spent by one conditional upsert. */
public class MybatisWriteBudget implements WriteBudget {

	private final WriteBudgetMapper budgets;

	public MybatisWriteBudget(SqlSession sessions) {
		this.budgets = sessions.getMapper(WriteBudgetMapper.class);
	}

	@Override
	public boolean tryConsume(UUID agentId, LocalDate day, int limit) {
		if (limit <= 0) {
			return false;
		}
		return !this.budgets.consume(agentId, day, limit).isEmpty();
	}

	@Override
	public void refund(UUID agentId, LocalDate day) {
		this.budgets.refund(agentId, day);
	}

	@Override
	public int used(UUID agentId, LocalDate day) {
		Integer used = this.budgets.used(agentId, day);
		return (used != null) ? used : 0;
	}

}
