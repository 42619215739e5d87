package com.launcher.agentgateway.persistence;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/**
 * The statements of {@code AuditStreamMapper.xml}, for {@link MybatisAuditStreamStore}.
 */
interface AuditStreamMapper {

	/** The sink's one-node lock, released by the transaction's end. */
	boolean tryLock(@Param("sink") String sink);

	/** Makes the sink's cursor, before the oldest stored event, unless it has one. */
	void register(@Param("sink") String sink);

	Long cursor(@Param("sink") String sink);

	long headSeq();

	/** At most {@code limit} events after {@code seq}, by position. */
	List<AuditMapper.EventRow> after(@Param("seq") long seq, @Param("limit") int limit);

	void advance(@Param("sink") String sink, @Param("seq") long seq);

}
