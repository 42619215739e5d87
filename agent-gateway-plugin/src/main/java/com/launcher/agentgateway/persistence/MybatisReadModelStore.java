package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.agentgateway.readmodel.CardCopy;
import com.launcher.agentgateway.readmodel.CommentCopy;
import com.launcher.agentgateway.readmodel.CopiedCard;
import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.Member;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemFilter;
import org.apache.ibatis.session.SqlSession;

/**
 * The read model in {@code agw_rm_*}. Every method is one statement per row it writes,
 * except the replacements of a project's states, labels and members, which are small.
 */
public class MybatisReadModelStore implements ReadModelStore {

	/**
	 * Words as PostgreSQL's {@code simple} parser splits them, closely enough for a
	 * prefix query.
	 */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

	/** A text filter with more words than this keeps the first ones. */
	private static final int MAX_WORDS = 16;

	private final ReadModelMapper mapper;

	public MybatisReadModelStore(SqlSession sessions) {
		this.mapper = sessions.getMapper(ReadModelMapper.class);
	}

	@Override
	public Optional<CopiedProject> project(UUID projectId) {
		return Optional.ofNullable(this.mapper.project(projectId));
	}

	@Override
	public List<CopiedProject> projects() {
		return this.mapper.projects();
	}

	@Override
	public List<CopiedProject> projects(Collection<UUID> projectIds) {
		return projectIds.isEmpty() ? List.of() : this.mapper.projectsAmong(ReadModelRows.array(projectIds));
	}

	@Override
	public List<GrantedProject> grantedProjects() {
		return this.mapper.grantedProjects();
	}

	@Override
	public void track(GrantedProject project) {
		this.mapper.track(project);
	}

	@Override
	public void release(UUID projectId, Instant at) {
		this.mapper.release(new ReadModelMapper.ProjectAt(projectId, at));
	}

	@Override
	public int purgeReleased(Instant before) {
		return this.mapper.purgeReleased(before);
	}

	@Override
	public int saveCards(UUID projectId, List<CardCopy> cards, Instant copiedAt) {
		int written = 0;
		for (CardCopy card : cards) {
			if (card.item().projectId().equals(projectId) && card.item().updatedAt() != null) {
				written += this.mapper.saveCard(row(card, copiedAt, true));
			}
		}
		return written;
	}

	@Override
	public boolean saveNewerCard(CardCopy card, Instant copiedAt) {
		return card.item().updatedAt() != null && this.mapper.saveCard(row(card, copiedAt, false)) == 1;
	}

	@Override
	public Optional<CopiedCard> card(UUID projectId, UUID id) {
		return Optional.ofNullable(this.mapper.card(new ReadModelMapper.CardLookup(projectId, id, null)))
			.map(ReadModelRows::copied);
	}

	@Override
	public Optional<CopiedCard> cardBySequence(UUID projectId, long sequenceId) {
		return Optional.ofNullable(this.mapper.card(new ReadModelMapper.CardLookup(projectId, null, sequenceId)))
			.map(ReadModelRows::copied);
	}

	@Override
	public List<WorkItem> cards(UUID projectId, WorkItemFilter filter, CardKey after, int limit) {
		String tsquery = null;
		if (filter.text() != null) {
			tsquery = tsquery(filter.text());
			if (tsquery == null) {
				// No word to look for: nothing can match, as a substring search of
				// punctuation alone would rarely.
				return List.of();
			}
		}
		ReadModelMapper.CardQuery query = new ReadModelMapper.CardQuery(projectId, filter.stateId(),
				filter.assigneeId(), filter.labelId(), tsquery,
				(filter.updatedSince() != null) ? filter.updatedSince().toInstant() : null,
				(after != null) ? after.updatedAt().toInstant() : null, (after != null) ? after.id() : null, limit);
		return this.mapper.cards(query).stream().map((row) -> ReadModelRows.copied(row).item()).toList();
	}

	@Override
	public int removeCard(UUID projectId, UUID id) {
		return this.mapper.removeCard(new ReadModelMapper.CardLookup(projectId, id, null));
	}

	@Override
	public int removeCardsExcept(UUID projectId, Collection<UUID> listed, Instant listingBegan) {
		return this.mapper
			.removeCardsExcept(new ReadModelMapper.Sweep(projectId, ReadModelRows.array(listed), listingBegan));
	}

	@Override
	public void replaceComments(UUID projectId, UUID workItemId, List<CommentCopy> comments, Instant copiedAt) {
		this.mapper.removeComments(new ReadModelMapper.CardLookup(projectId, workItemId, null));
		for (CommentCopy comment : comments) {
			this.mapper.saveComment(row(comment));
		}
		this.mapper.markCommentsCopied(new ReadModelMapper.CommentsCopied(projectId, workItemId, copiedAt));
	}

	@Override
	public int saveComment(CommentCopy comment) {
		return this.mapper.saveComment(row(comment));
	}

	@Override
	public List<Comment> comments(UUID workItemId, CommentKey after, int limit) {
		return this.mapper
			.comments(new ReadModelMapper.CommentQuery(workItemId,
					(after != null && after.createdAt() != null) ? after.createdAt().toInstant() : null,
					(after != null) ? after.id() : null, limit))
			.stream()
			.map((row) -> new Comment(row.id(), row.workItemId(), row.bodyText(), row.authorId(), row.writtenByAgent(),
					ReadModelRows.time(row.createdAt())))
			.toList();
	}

	@Override
	public void replaceStates(UUID projectId, List<State> states) {
		this.mapper.removeStates(projectId);
		for (int i = 0; i < states.size(); i++) {
			State state = states.get(i);
			this.mapper.insertState(new ReadModelMapper.StateRow(projectId, state.id(), state.name(), state.group(),
					state.isDefault(), i));
		}
	}

	@Override
	public void replaceLabels(UUID projectId, List<Label> labels) {
		this.mapper.removeLabels(projectId);
		for (int i = 0; i < labels.size(); i++) {
			Label label = labels.get(i);
			this.mapper
				.insertLabel(new ReadModelMapper.LabelRow(projectId, label.id(), label.name(), label.color(), i));
		}
	}

	@Override
	public void replaceMembers(UUID projectId, List<Member> members) {
		this.mapper.removeMembers(projectId);
		for (int i = 0; i < members.size(); i++) {
			Member member = members.get(i);
			this.mapper.insertMember(new ReadModelMapper.MemberRow(projectId, member.id(), member.displayName(), i));
		}
	}

	@Override
	public List<State> states(UUID projectId) {
		return this.mapper.states(projectId)
			.stream()
			.map((row) -> new State(row.id(), row.name(), row.stateGroup(), row.isDefault()))
			.toList();
	}

	@Override
	public List<Label> labels(UUID projectId) {
		return this.mapper.labels(projectId)
			.stream()
			.map((row) -> new Label(row.id(), row.name(), row.color()))
			.toList();
	}

	@Override
	public List<Member> members(UUID projectId) {
		return this.mapper.members(projectId)
			.stream()
			.map((row) -> new Member(row.userId(), row.displayName()))
			.toList();
	}

	@Override
	public void recordPass(UUID projectId, Instant watermark, Instant asOf) {
		this.mapper.recordPass(new ReadModelMapper.Pass(projectId, watermark, asOf));
	}

	@Override
	public void recordSweep(UUID projectId, Instant at) {
		this.mapper.recordSweep(new ReadModelMapper.ProjectAt(projectId, at));
	}

	@Override
	public void recordMeta(UUID projectId, Instant at) {
		this.mapper.recordMeta(new ReadModelMapper.ProjectAt(projectId, at));
	}

	@Override
	public boolean recordDelivery(UUID deliveryId, Instant at) {
		return this.mapper.recordDelivery(new ReadModelMapper.Delivery(deliveryId, at)) == 1;
	}

	@Override
	public int pruneDeliveries(Instant before) {
		return this.mapper.pruneDeliveries(before);
	}

	/**
	 * The words of a text filter as a prefix query ({@code foot:* & link:*}); only word
	 * characters reach it, so nothing in it is tsquery syntax.
	 */
	static String tsquery(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find() && words.size() < MAX_WORDS) {
			words.add(matcher.group() + ":*");
		}
		return words.isEmpty() ? null : String.join(" & ", words);
	}

	private static ReadModelMapper.CardRow row(CardCopy copy, Instant copiedAt, boolean refreshEqual) {
		WorkItem item = copy.item();
		return new ReadModelMapper.CardRow(item.id(), item.projectId(), item.sequenceId(),
				ReadModelRows.text(item.title()), ReadModelRows.text(item.description()),
				ReadModelRows.text(copy.descriptionHtml()), item.priority().name(), item.stateId(),
				ReadModelRows.array(item.assigneeIds()), ReadModelRows.array(item.labelIds()), item.parentId(),
				item.startDate(), item.targetDate(), item.createdBy(), item.writtenByAgent(), instant(item.createdAt()),
				instant(item.updatedAt()), instant(item.completedAt()), copiedAt, null, refreshEqual);
	}

	private static ReadModelMapper.CommentRow row(CommentCopy copy) {
		Comment comment = copy.comment();
		return new ReadModelMapper.CommentRow(comment.id(), copy.projectId(), comment.workItemId(),
				ReadModelRows.text(comment.body()), ReadModelRows.text(copy.bodyHtml()), comment.authorId(),
				comment.writtenByAgent(), instant(comment.createdAt()), instant(copy.updatedAt()));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
