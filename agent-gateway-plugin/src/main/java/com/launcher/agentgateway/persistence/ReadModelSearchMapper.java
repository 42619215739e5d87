package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The statement of {@code ReadModelSearchMapper.xml}. */
interface ReadModelSearchMapper {

	List<FoundRow> search(SearchQuery query);

	/** A search; uuid sets travel as PostgreSQL array literals ({@code {a,b}}). */
	record SearchQuery(String projectIds, String text, String stateIds, UUID assigneeId, Float afterRank, UUID afterId,
			int limit) {
	}

	/** A card found, with where it matched, its rank and its snippet. */
	record FoundRow(UUID id, UUID projectId, long sequenceId, String title, String descriptionText, String priority,
			UUID stateId, String assigneeIds, String labelIds, UUID parentId, LocalDate startDate, LocalDate targetDate,
			UUID createdBy, UUID writtenByAgent, Instant createdAt, Instant updatedAt, Instant completedAt, float rank,
			boolean inCard, boolean inTitle, boolean inDescription, boolean inComment, UUID commentAuthorId,
			UUID commentWrittenByAgent, String snippetFrom, String snippet) {
	}

}
