package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.GrantedProject;

/** The statements of {@code ReadModelMapper.xml}. */
interface ReadModelMapper {

	CopiedProject project(UUID projectId);

	List<CopiedProject> projects();

	List<CopiedProject> projectsAmong(String projectIds);

	List<GrantedProject> grantedProjects();

	void track(GrantedProject project);

	int release(ProjectAt release);

	int purgeReleased(Instant before);

	int saveCard(CardRow card);

	CardRow card(CardLookup lookup);

	List<CardRow> cards(CardQuery query);

	int removeCard(CardLookup lookup);

	int removeCardsExcept(Sweep sweep);

	int removeComments(CardLookup lookup);

	int saveComment(CommentRow comment);

	int markCommentsCopied(CommentsCopied copied);

	List<CommentRow> comments(CommentQuery query);

	int removeStates(UUID projectId);

	void insertState(StateRow state);

	int removeLabels(UUID projectId);

	void insertLabel(LabelRow label);

	int removeMembers(UUID projectId);

	void insertMember(MemberRow member);

	List<StateRow> states(UUID projectId);

	List<LabelRow> labels(UUID projectId);

	List<MemberRow> members(UUID projectId);

	int recordPass(Pass pass);

	int recordSweep(ProjectAt at);

	int recordMeta(ProjectAt at);

	int recordDelivery(Delivery delivery);

	int pruneDeliveries(Instant before);

	record ProjectAt(UUID projectId, Instant at) {
	}

	/** A card row; uuid arrays travel as PostgreSQL array literals ({@code {a,b}}). */
	record CardRow(UUID id, UUID projectId, long sequenceId, String title, String descriptionText,
			String descriptionHtml, String priority, UUID stateId, String assigneeIds, String labelIds, UUID parentId,
			LocalDate startDate, LocalDate targetDate, UUID createdBy, UUID writtenByAgent, Instant createdAt,
			Instant updatedAt, Instant completedAt, Instant copiedAt, Instant commentsCopiedAt, boolean refreshEqual) {
	}

	/** A card by id or, when {@code id} is null, by sequence number. */
	record CardLookup(UUID projectId, UUID id, Long sequenceId) {
	}

	record CardQuery(UUID projectId, UUID stateId, UUID assigneeId, UUID labelId, String tsquery, Instant updatedSince,
			Instant afterUpdatedAt, UUID afterId, int limit) {
	}

	record Sweep(UUID projectId, String listed, Instant listingBegan) {
	}

	record CommentRow(UUID id, UUID projectId, UUID workItemId, String bodyText, String bodyHtml, UUID authorId,
			UUID writtenByAgent, Instant createdAt, Instant updatedAt) {
	}

	record CommentsCopied(UUID projectId, UUID workItemId, Instant at) {
	}

	record CommentQuery(UUID workItemId, Instant afterCreatedAt, UUID afterId, int limit) {
	}

	record StateRow(UUID projectId, UUID id, String name, String stateGroup, boolean isDefault, int position) {
	}

	record LabelRow(UUID projectId, UUID id, String name, String color, int position) {
	}

	record MemberRow(UUID projectId, UUID userId, String displayName, int position) {
	}

	record Pass(UUID projectId, Instant watermark, Instant asOf) {
	}

	record Delivery(UUID deliveryId, Instant at) {
	}

}
