package com.launcher.agentgateway.persistence;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.launcher.agentgateway.readmodel.CopySearch;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemSearch.Hit;
import com.launcher.agentgateway.workitem.WorkItemSearch.Source;
import org.apache.ibatis.session.SqlSession;

/** Full-text search in {@code agw_rm_*}: one statement per page. */
public class MybatisReadModelSearch implements CopySearch {

	private final ReadModelSearchMapper mapper;

	public MybatisReadModelSearch(SqlSession sessions) {
		this.mapper = sessions.getMapper(ReadModelSearchMapper.class);
	}

	@Override
	public List<Found> search(Query query) {
		ReadModelSearchMapper.SearchQuery statement = new ReadModelSearchMapper.SearchQuery(
				ReadModelRows.array(query.projectIds()), ReadModelRows.text(query.text()),
				(query.stateIds() != null) ? ReadModelRows.array(query.stateIds()) : null, query.assigneeId(),
				(query.after() != null) ? query.after().rank() : null,
				(query.after() != null) ? query.after().id() : null, query.limit());
		return this.mapper.search(statement).stream().map(MybatisReadModelSearch::found).toList();
	}

	private static Found found(ReadModelSearchMapper.FoundRow row) {
		WorkItem item = ReadModelRows.item(new ReadModelMapper.CardRow(row.id(), row.projectId(), row.sequenceId(),
				row.title(), row.descriptionText(), null, row.priority(), row.stateId(), row.assigneeIds(),
				row.labelIds(), row.parentId(), row.startDate(), row.targetDate(), row.createdBy(),
				row.writtenByAgent(), row.createdAt(), row.updatedAt(), row.completedAt(), null, null, false));
		Set<Source> matched = EnumSet.noneOf(Source.class);
		if (row.inTitle()) {
			matched.add(Source.TITLE);
		}
		if (row.inDescription()) {
			matched.add(Source.DESCRIPTION);
		}
		if (row.inCard() && !row.inTitle() && !row.inDescription()) {
			// The words are spread over both: neither matches alone.
			matched.add(Source.TITLE);
			matched.add(Source.DESCRIPTION);
		}
		if (row.inComment()) {
			matched.add(Source.COMMENT);
		}
		Source from = Source.valueOf(row.snippetFrom().toUpperCase(Locale.ROOT));
		boolean comment = from == Source.COMMENT;
		Hit hit = new Hit(item, matched, row.snippet(), from, comment ? row.commentAuthorId() : item.createdBy(),
				comment ? row.commentWrittenByAgent() : item.writtenByAgent());
		return new Found(hit, row.rank());
	}

}
