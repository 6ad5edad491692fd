package org.orchestrator.livesync.cli;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamClosedByServerException;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.eventsource.StreamHttpErrorException;
import org.orchestrator.livesync.client.model.JobEvent;

/**
 * Reads a job's event stream (text/event-stream) with okhttp-eventsource and hands each
 * event on as the generated model of its type: the generated client cannot stream (it
 * reads the whole body), but its {@link JobEvent} union reads each event's data, told
 * apart by the data's {@code type}, the SSE event name.
 */
final class JobEvents {

	private JobEvents() {
	}

	/**
	 * Reads events until the job's last one (completed or failed) or the stream's end.
	 */
	static void read(Server server, String eventsPath, Consumer<Event> listener) {
		stream(server, eventsPath, (message) -> parse(server, message), listener);
	}

	/**
	 * Reads a broadcast's events (or any stream's) with each event's data as a JSON tree,
	 * until {@code finished} or the stream's end.
	 */
	static void readTrees(Server server, String eventsPath, Consumer<Event> listener) {
		stream(server, eventsPath, (message) -> {
			try {
				return new Event(message.getEventName(), server.json().readTree(message.getData()));
			}
			catch (JsonProcessingException ex) {
				return new Event(message.getEventName(), null);
			}
		}, listener);
	}

	private static void stream(Server server, String eventsPath,
			java.util.function.Function<MessageEvent, Event> parser, Consumer<Event> listener) {
		ConnectStrategy connect = ConnectStrategy.http(server.uri(eventsPath))
			.header("Authorization", "Bearer " + server.token())
			.connectTimeout(5, TimeUnit.SECONDS)
			.readTimeout(12, TimeUnit.HOURS);
		// No reconnects: a stream that breaks is reported at once (the server would
		// resume it
		// after the Last-Event-ID, but a script is better told than kept waiting).
		try (EventSource source = new EventSource.Builder(connect).errorStrategy(ErrorStrategy.alwaysThrow()).build()) {
			while (true) {
				Event event = parser.apply(source.readMessage());
				listener.accept(event);
				if (event.isEnd()) {
					return;
				}
			}
		}
		catch (StreamClosedByServerException ended) {
			// The caller sees that no completed or failed event came.
		}
		catch (StreamHttpErrorException ex) {
			throw server.problem(ex.getCode(), null, CliFailure.CANNOT_RUN);
		}
		catch (StreamException ex) {
			throw server.unreachable();
		}
	}

	private static Event parse(Server server, MessageEvent message) {
		try {
			JobEvent event = server.json().readValue(message.getData(), JobEvent.class);
			return new Event(message.getEventName(), event.getActualInstance());
		}
		catch (JsonProcessingException ex) {
			// An event type this CLI does not know yet: shown as nothing, not a failure.
			return new Event(message.getEventName(), null);
		}
	}

	/** One event: its name and its data as the generated model of that name (or null). */
	record Event(String name, Object data) {

		boolean isEnd() {
			return this.name.equals("completed") || this.name.equals("failed") || this.name.equals("finished");
		}

	}

}
