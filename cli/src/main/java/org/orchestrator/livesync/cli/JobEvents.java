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
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.Failed;
import org.orchestrator.livesync.client.model.Item;
import org.orchestrator.livesync.client.model.Phase;
import org.orchestrator.livesync.client.model.Progress;

/**
 * Reads a job's event stream (text/event-stream) with okhttp-eventsource and hands each
 * event on as the generated model type of its name. The generated client cannot stream
 * (it reads the whole body), and its oneOf wrapper for the event data cannot tell the
 * event types apart (several match every payload), so the SSE event name picks the type.
 */
final class JobEvents {

	private JobEvents() {
	}

	/**
	 * Reads events until the job's last one (completed or failed) or the stream's end.
	 */
	static void read(Server server, String eventsPath, Consumer<Event> listener) {
		ConnectStrategy connect = ConnectStrategy.http(server.uri(eventsPath))
			.header("Authorization", "Bearer " + server.token())
			.connectTimeout(5, TimeUnit.SECONDS)
			.readTimeout(12, TimeUnit.HOURS);
		// No reconnects: a job's events are not replayable from a Last-Event-ID here.
		try (EventSource source = new EventSource.Builder(connect).errorStrategy(ErrorStrategy.alwaysThrow()).build()) {
			while (true) {
				Event event = parse(server, source.readMessage());
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
		Class<?> type = switch (message.getEventName()) {
			case "phase" -> Phase.class;
			case "progress" -> Progress.class;
			case "item" -> Item.class;
			case "completed" -> Completed.class;
			case "failed" -> Failed.class;
			default -> null;
		};
		try {
			Object data = (type != null) ? server.json().readValue(message.getData(), type) : null;
			return new Event(message.getEventName(), data);
		}
		catch (JsonProcessingException ex) {
			throw new CliFailure(CliFailure.SYNC_FAILED,
					"unreadable " + message.getEventName() + " event from " + server.url());
		}
	}

	/** One event: its name and its data as the generated model of that name (or null). */
	record Event(String name, Object data) {

		boolean isEnd() {
			return this.name.equals("completed") || this.name.equals("failed");
		}

	}

}
