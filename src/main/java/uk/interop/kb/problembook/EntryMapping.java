package uk.interop.kb.problembook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry with its current mapping (one record per level, in level order) and its history,
 * newest first. The current mapping at a level is the newest ledger row for that entry and level;
 * where the ledger has none, a level listed in the entry's front matter is an initial proposal.
 */
public record EntryMapping(Entry entry, List<MappingRecord> current, List<MappingRecord> history) {

	public EntryMapping {
		current = List.copyOf(current);
		history = List.copyOf(history);
	}

	/**
	 * @param ledgerNewestFirst the entry's ledger rows, newest first (all of them, or only the
	 *        newest per level: the current mapping is the same)
	 * @param levelOrder level ids in the order to list them
	 */
	static EntryMapping of(Entry entry, List<MappingRecord> ledgerNewestFirst, List<String> levelOrder) {
		Instant published = entry.published().atStartOfDay().toInstant(ZoneOffset.UTC);
		Map<String, MappingRecord> latest = latestPerLevel(ledgerNewestFirst);
		for (String level : entry.initialLevels()) {
			latest.putIfAbsent(level, MappingRecord.initial(entry.reference(), level, published));
		}
		List<MappingRecord> current = new ArrayList<>();
		levelOrder.stream().filter(latest::containsKey).forEach(level -> current.add(latest.get(level)));
		latest.keySet().stream().filter(level -> !levelOrder.contains(level)).forEach(level -> current.add(latest.get(level)));
		List<MappingRecord> history = new ArrayList<>(ledgerNewestFirst);
		entry.initialLevels().forEach(level -> history.add(MappingRecord.initial(entry.reference(), level, published)));
		return new EntryMapping(entry, current, history);
	}

	/** The first (newest) row for each level. */
	static Map<String, MappingRecord> latestPerLevel(List<MappingRecord> newestFirst) {
		Map<String, MappingRecord> latest = new LinkedHashMap<>();
		newestFirst.forEach(row -> latest.putIfAbsent(row.level(), row));
		return latest;
	}

	public String reference() {
		return entry.reference();
	}

	/** Levels counted as mapped: proposed or agreed, not disputed. */
	public List<String> mappedLevels() {
		return current.stream().filter(m -> m.state().counted()).map(MappingRecord::level).toList();
	}

	public boolean isMapped() {
		return !mappedLevels().isEmpty();
	}

	public List<MappingRecord> disputed() {
		return current.stream().filter(m -> m.state() == ReviewState.DISPUTED).toList();
	}

	public java.util.Optional<MappingRecord> at(String level) {
		return current.stream().filter(m -> m.level().equals(level)).findFirst();
	}
}
