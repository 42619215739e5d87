package com.launcher.agentgateway.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The statements of {@code WriteBudgetMapper.xml}. */
interface WriteBudgetMapper {

	/** One row when a write was counted, none when the day's budget is spent. */
	List<Integer> consume(UUID agent, LocalDate day, int limit);

	int refund(UUID agent, LocalDate day);

	Integer used(UUID agent, LocalDate day);

}
