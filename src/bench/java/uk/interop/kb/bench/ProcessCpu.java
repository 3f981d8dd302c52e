package uk.interop.kb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of a process and its children, from {@code /proc}: what the work
 * cost, however busy the machine was. Clock-tick resolution (10 ms), so use it over many requests.
 */
final class ProcessCpu {

	private static final double TICK_NANOS = 1e9 / 100;

	private ProcessCpu() {
	}

	/** CPU nanoseconds used so far by {@code root} and every live descendant. */
	static long ofTree(long root) {
		Map<Long, long[]> stats = new HashMap<>();
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
				try {
					String stat = Files.readString(p.resolve("stat"));
					// Fields after the command name (which may hold spaces) in parentheses.
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ppid = Long.parseLong(f[1]);
					long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
					stats.put(Long.parseLong(p.getFileName().toString()), new long[] { ppid, ticks });
				}
				catch (IOException | RuntimeException gone) {
					// the process ended while we looked
				}
			});
		}
		catch (IOException ex) {
			return 0;
		}
		long ticks = 0;
		for (var e : stats.entrySet()) {
			if (descends(e.getKey(), root, stats)) {
				ticks += e.getValue()[1];
			}
		}
		return (long) (ticks * TICK_NANOS);
	}

	/** CPU nanoseconds of one process by kind of thread: request threads, JIT compiler, GC, other. */
	static Map<String, Long> byThread(long pid) {
		Map<String, Long> groups = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			tasks.forEach(task -> {
				try {
					String name = Files.readString(task.resolve("comm")).strip();
					String stat = Files.readString(task.resolve("stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long nanos = (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS);
					String group = name.startsWith("http-nio") ? "request threads"
							: name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT compiler"
									: name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : "other";
					groups.merge(group, nanos, Long::sum);
				}
				catch (IOException | RuntimeException gone) {
					// the thread ended while we looked
				}
			});
		}
		catch (IOException ex) {
			return groups;
		}
		return groups;
	}

	private static boolean descends(long pid, long root, Map<Long, long[]> stats) {
		for (int depth = 0; depth < 10 && pid > 1; depth++) {
			if (pid == root) {
				return true;
			}
			long[] s = stats.get(pid);
			if (s == null) {
				return false;
			}
			pid = s[0];
		}
		return pid == root;
	}
}
