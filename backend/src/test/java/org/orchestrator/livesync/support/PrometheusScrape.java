package org.orchestrator.livesync.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;

/**
 * What a server's {@code /actuator/prometheus} says now, read as Prometheus would read
 * the text format: samples by name and labels.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples = new ArrayList<>();

	private PrometheusScrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			this.samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
	}

	/** Scrapes {@code server}'s actuator, wherever it answers. */
	public static PrometheusScrape of(TestServer server) {
		String text = server.management()
			.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new PrometheusScrape(text);
	}

	/**
	 * The sum of the samples named {@code name} that carry {@code labels} (among others);
	 * 0 when there are none, as for a counter never incremented.
	 */
	public double value(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	public double value(String name) {
		return value(name, Map.of());
	}

	/** Whether any sample is named {@code name}. */
	public boolean has(String name) {
		return this.samples.stream().anyMatch((sample) -> sample.name().equals(name));
	}

	/** The scrape as it came. */
	public String text() {
		return this.text;
	}

	private record Sample(String name, Map<String, String> labels, double value) {
	}

}
