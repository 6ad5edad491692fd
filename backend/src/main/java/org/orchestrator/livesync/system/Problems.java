package org.orchestrator.livesync.system;

import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns any failure into a {@link ProblemException}: the client sees a stable code and a
 * sentence, never an exception class, a stack trace or a value it sent (it may be a
 * secret).
 */
public final class Problems {

	private static final Log log = LogFactory.getLog(Problems.class);

	private Problems() {
	}

	/** The stable problem {@code type} URI for a code. */
	public static String type(String code) {
		return "urn:live-sync:problem:" + code;
	}

	public static ProblemException from(Throwable failure) {
		if (failure instanceof ProblemException problem) {
			return problem;
		}
		JacksonException json = find(failure, JacksonException.class);
		if (json != null) {
			return fromJson(json);
		}
		if (find(failure, DataBufferLimitException.class) != null) {
			return new ProblemException(ProblemCode.TOO_LARGE, "the request body is larger than this endpoint accepts");
		}
		if (failure instanceof ServerWebInputException input) {
			String reason = (input.getReason() != null && input.getReason().contains("body"))
					? "the request body is missing" : "the request is malformed";
			return new ProblemException(ProblemCode.MALFORMED_REQUEST, reason);
		}
		if (failure instanceof ServerErrorException missing && missing.getMethodParameter() != null
				&& missing.getMethodParameter().hasParameterAnnotation(PathVariable.class)) {
			// A segment that converts to nothing (" " for a UUID or a number): Spring
			// takes it for a route without the variable, a server error, but the
			// client sent it.
			return ProblemException.invalid(missing.getReason(), "must not be blank");
		}
		if (failure instanceof ResponseStatusException status) {
			ProblemException problem = fromStatus(status.getStatusCode(), status.getReason());
			problem.headers().addAll(status.getHeaders());
			return problem;
		}
		if (failure instanceof DataIntegrityViolationException) {
			return ProblemException.conflict("the change conflicts with data on this server");
		}
		if (reactor.netty.channel.AbortedException.isConnectionReset(failure)
				|| find(failure, reactor.netty.channel.AbortedException.class) != null) {
			// The client went away mid-request (a cut connection, a sender that stopped):
			// nobody reads the answer, and it is no fault of this server.
			log.info("The client closed the connection before the request was complete: " + failure);
			return new ProblemException(ProblemCode.MALFORMED_REQUEST,
					"the connection closed before the request was complete");
		}
		log.error("Unexpected failure", failure);
		return new ProblemException(ProblemCode.INTERNAL,
				"the server failed to handle the request; the log has the details");
	}

	private static ProblemException fromStatus(HttpStatusCode statusCode, String reason) {
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
		}
		// Statuses we answer on purpose have their codes; any other keeps a code derived
		// from the status, which is stable because HTTP's names are.
		String code = switch (status) {
			case NOT_FOUND -> ProblemCode.NOT_FOUND.code();
			case METHOD_NOT_ALLOWED -> ProblemCode.METHOD_NOT_ALLOWED.code();
			case UNSUPPORTED_MEDIA_TYPE -> ProblemCode.UNSUPPORTED_MEDIA_TYPE.code();
			case NOT_ACCEPTABLE -> ProblemCode.NOT_ACCEPTABLE.code();
			default -> status.name().toLowerCase(Locale.ROOT).replace('_', '-');
		};
		String detail = switch (status) {
			case NOT_FOUND -> "no such resource";
			case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
			case UNSUPPORTED_MEDIA_TYPE -> "this content type is not accepted here";
			case NOT_ACCEPTABLE -> "none of the accepted media types can be produced";
			default -> (reason != null) ? reason : status.getReasonPhrase();
		};
		return new ProblemException(status, code, status.getReasonPhrase(), detail);
	}

	private static ProblemException fromJson(JacksonException json) {
		String field = path(json.getPath());
		if (json instanceof NulCharacters.NulCharacterException nul) {
			String at = field + nul.inner();
			return ProblemException.invalid(at.isEmpty() ? "body" : at.startsWith(".") ? at.substring(1) : at,
					NulCharacters.MESSAGE);
		}
		if (json instanceof UnrecognizedPropertyException) {
			return ProblemException.invalid(field, "unknown field");
		}
		if (json instanceof ValueInstantiationException && json.getCause() != null
				&& json.getCause().getMessage() != null) {
			return ProblemException.invalid(field.isEmpty() ? "body" : field, json.getCause().getMessage());
		}
		if (json instanceof MismatchedInputException mismatch && !field.isEmpty()) {
			return ProblemException.invalid(field, "expected " + describe(mismatch.getTargetType()));
		}
		if (json instanceof StreamReadException && json.getLocation() != null) {
			return new ProblemException(ProblemCode.MALFORMED_REQUEST, "the body is not valid JSON (line "
					+ json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")");
		}
		return new ProblemException(ProblemCode.MALFORMED_REQUEST,
				"the body does not have the expected shape" + (field.isEmpty() ? "" : " at " + field));
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (List.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of the allowed values";
		}
		return "an object";
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
