package org.orchestrator.livesync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * {@code make bench}: two real servers on two fresh databases, N generated nodes on A,
 * then, each over several repetitions: a full sync A→B, a compare of identical
 * inventories, an incremental sync after 1% of the nodes changed, a selective sync of 10
 * items, an incremental pull after 1% changed on B, a both-ways sync after 0.5% changed
 * on each side, and in the same run the raw copy of the same rows with
 * {@code pg_dump | psql}. Prints a table and writes {@code bench/results/latest.json}.
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int n = Integer.parseInt(options.getOrDefault("n", "100000"));
		int reps = Integer.parseInt(options.getOrDefault("reps", "3"));
		String heap = options.getOrDefault("heap", "256m");
		Path jar = Path.of(options.getOrDefault("jar", "backend/target/live-sync-backend-1.0.0.jar"));
		Path out = Path.of(options.getOrDefault("out", "bench/results/latest.json"));
		boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "false"));
		int warmups = Integer.parseInt(options.getOrDefault("warmup", "2"));
		String adminUrl = firstSet(System.getenv("BENCH_DATABASE_URL"), System.getenv("TEST_DATABASE_URL"),
				"postgresql://postgres@127.0.0.1:5432/postgres");
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar + " is missing: run make build first");
		}
		Databases databases = new Databases(adminUrl);
		String dbA = databases.create("bench_a");
		String dbB = databases.create("bench_b");
		Path work = Files.createTempDirectory("live-sync-bench");
		Inventory inventory = new Inventory(n);
		Report report = new Report(n, inventory, reps, heap);
		System.out.printf(
				"Live Sync benchmark: %d nodes, %d clusters, %d SSH keys, %d configurations; %d repetitions;"
						+ " heap cap %s per server%n",
				n, inventory.clusters(), inventory.sshKeys(), inventory.configurations(), reps, heap);
		try (ServerUnderTest a = ServerUnderTest.start(jar, "bench-a", databases.url(dbA), heap, work.resolve("a"),
				profile);
				ServerUnderTest b = ServerUnderTest.start(jar, "bench-b", databases.url(dbB), heap, work.resolve("b"),
						profile)) {
			Api apiA = a.operator();
			long started = System.nanoTime();
			apiA.importLines(inventory::all);
			report.single("import into A (NDJSON, streamed)", seconds(started));
			System.out.println("  imported");

			List<Double> full = new ArrayList<>();
			List<Double> fullJob = new ArrayList<>();
			// Warm-up runs first, so that the repetitions measure servers that have
			// synced before, not a JVM whose code is not compiled yet.
			for (int rep = -warmups; rep < reps; rep++) {
				databases.reset(dbB);
				databases.forgetSyncs(dbA);
				int markA = a.gcMark();
				int markB = b.gcMark();
				a.resetPeakRss();
				b.resetPeakRss();
				started = System.nanoTime();
				JsonNode job = apiA.syncAndWait(session(apiA, b), "all");
				if (rep < 0) {
					report.single("warm-up full sync (not counted)", seconds(started));
					System.out.printf("  warm-up full sync: %.2f s%n", seconds(started));
					continue;
				}
				full.add(seconds(started));
				fullJob.add(job.at("/result/duration_ms").asLong() / 1000.0);
				report.memory(a.peakHeapMiBSince(markA), b.peakHeapMiBSince(markB), a.peakRssMiB(), b.peakRssMiB());
				System.out.printf("  full sync %d: %.2f s%n", rep + 1, full.get(rep));
			}
			report.series("full sync A→B, everything (session + job)", full);
			report.series("  of which the job (stream, apply, verify)", fullJob);

			// Each scenario below runs once more first, not counted (printed as its
			// warm-up):
			// its code paths are new to the JIT after the full syncs, and an operator who
			// keeps two servers aligned runs them again and again.
			List<Double> identical = new ArrayList<>();
			for (int rep = -1; rep < reps; rep++) {
				started = System.nanoTime();
				JsonNode comparison = apiA
					.post("/api/v1/sync/sessions",
							Map.of("remote_url", b.url(), "password", ServerUnderTest.SYNC_PASSWORD))
					.get("comparison");
				if (comparison.at("/summary/identical").asLong() != comparison.at("/summary/total").asLong()) {
					throw new IllegalStateException(
							"after a full sync the inventories differ: " + comparison.get("summary"));
				}
				counted(report, identical, rep, "identical compare", seconds(started), null);
			}
			report.series("compare, identical inventories (session)", identical);

			List<Double> incremental = new ArrayList<>();
			for (int rep = -1; rep < reps; rep++) {
				int offset = rep + 1;
				int version = rep + 2;
				apiA.importLines(() -> inventory.changed(100, offset, version));
				started = System.nanoTime();
				JsonNode job = apiA.syncAndWait(session(apiA, b), "all");
				counted(report, incremental, rep, "incremental sync", seconds(started), job);
			}
			report.series("incremental sync, 1% of nodes changed", incremental);

			List<Double> selective = new ArrayList<>();
			for (int rep = -1; rep < reps; rep++) {
				int offset = rep + 1;
				int version = 101 + rep;
				int every = Math.max(1, n / 10);
				apiA.importLines(() -> inventory.changed(every, offset, version));
				List<String> keys = new ArrayList<>();
				for (int i = offset; i < n && keys.size() < 10; i += every) {
					keys.add(Inventory.hostname(i));
				}
				started = System.nanoTime();
				JsonNode job = apiA.syncAndWait(session(apiA, b), Map.of("nodes", keys));
				counted(report, selective, rep, "selective sync", seconds(started), job);
			}
			report.series("selective sync, 10 items", selective);

			List<Double> pulled = new ArrayList<>();
			Api apiB = b.operator();
			for (int rep = -1; rep < reps; rep++) {
				int offset = 51 + rep;
				int version = 201 + rep;
				apiB.importLines(() -> inventory.changed(100, offset, version));
				started = System.nanoTime();
				JsonNode job = apiA.syncAndWait(session(apiA, b), "all", "pull");
				counted(report, pulled, rep, "incremental pull", seconds(started), job);
			}
			report.series("incremental pull, 1% of nodes changed on B", pulled);

			List<Double> both = new ArrayList<>();
			for (int rep = -1; rep < reps; rep++) {
				int offset = 71 + rep;
				int version = 301 + rep;
				apiA.importLines(() -> inventory.changed(200, offset, version));
				apiB.importLines(() -> inventory.changed(200, offset + 100, version));
				started = System.nanoTime();
				JsonNode job = apiA.syncAndWait(session(apiA, b), "all", "both");
				counted(report, both, rep, "incremental both ways", seconds(started), job);
			}
			report.series("incremental both ways, 0.5% changed on each side", both);

			List<Double> raw = new ArrayList<>();
			for (int rep = 0; rep < reps; rep++) {
				databases.reset(dbB);
				raw.add(databases.dumpAndRestore(dbA, dbB, List.of("ssh_keys", "nodes")));
			}
			report.series("pg_dump | psql of the same rows (ssh_keys, nodes)", raw);
			report.ratio(full, raw);
		}
		finally {
			databases.drop(dbA);
			databases.drop(dbB);
		}
		report.print(System.out);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
		System.out.println("Figures written to " + out);
	}

	/**
	 * Counts a repetition's figure unless it is the warm-up ({@code rep} -1, recorded as
	 * such); prints it either way, with how the job compared.
	 */
	private static void counted(Report report, List<Double> figures, int rep, String name, double seconds,
			JsonNode job) {
		if (rep >= 0) {
			figures.add(seconds);
		}
		else {
			report.single("warm-up " + name + " (not counted)", seconds);
		}
		String compared = (job != null) ? ", compared " + job.get("compare") : "";
		System.out.printf("  %s %s: %.2f s%s%n", name, (rep < 0) ? "warm-up (not counted)" : String.valueOf(rep + 1),
				seconds, compared);
	}

	private static String session(Api api, ServerUnderTest remote) {
		return api
			.post("/api/v1/sync/sessions",
					Map.of("remote_url", remote.url(), "password", ServerUnderTest.SYNC_PASSWORD))
			.get("session_id")
			.asString();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length == 2 && !pair[1].isEmpty()) {
				options.put(pair[0].toLowerCase(java.util.Locale.ROOT), pair[1]);
			}
		}
		return options;
	}

	private static String firstSet(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
