package org.orchestrator.livesync.system;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, answered as a {@link Problem}. The message is the
 * problem's {@code detail}: it is shown to clients, so it names the item and the reason,
 * never a secret. Codes come from {@link ProblemCode}; the string constructors remain for
 * codes that are not ours (a remote's relayed code, an HTTP status without its own).
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String title;

	private final List<Problem.FieldError> errors;

	private final HttpHeaders headers = new HttpHeaders();

	public ProblemException(HttpStatus status, String code, String title, String detail,
			List<Problem.FieldError> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
		this.title = title;
		this.errors = (errors != null) ? List.copyOf(errors) : null;
	}

	public ProblemException(HttpStatus status, String code, String title, String detail) {
		this(status, code, title, detail, null);
	}

	/** A problem with the code's default status and title. */
	public ProblemException(ProblemCode code, String detail) {
		this(code.status(), code.code(), code.title(), detail, null);
	}

	public static ProblemException invalid(List<Problem.FieldError> errors) {
		String detail = (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid";
		return new ProblemException(ProblemCode.VALIDATION.status(), ProblemCode.VALIDATION.code(),
				ProblemCode.VALIDATION.title(), detail, errors);
	}

	public static ProblemException invalid(String field, String message) {
		return invalid(List.of(new Problem.FieldError(field, message)));
	}

	public static ProblemException notFound(String what) {
		return new ProblemException(ProblemCode.NOT_FOUND, what + " does not exist");
	}

	/**
	 * A request body over the endpoint's limit; the limit is no secret. The connection
	 * closes after the answer rather than reading the rest of the body.
	 */
	public static ProblemException tooLarge(long maxBytes) {
		return new ProblemException(ProblemCode.TOO_LARGE,
				"the request body is larger than this endpoint accepts (at most " + maxBytes + " bytes)")
			.withHeader(HttpHeaders.CONNECTION, "close");
	}

	public static ProblemException conflict(String detail) {
		return new ProblemException(ProblemCode.CONFLICT, detail);
	}

	/** Adds a response header, such as {@code Retry-After} on a 429. */
	public ProblemException withHeader(String name, String value) {
		this.headers.set(name, value);
		return this;
	}

	public HttpHeaders headers() {
		return this.headers;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String title() {
		return this.title;
	}

	public List<Problem.FieldError> errors() {
		return this.errors;
	}

	public Problem toProblem(String instance) {
		return new Problem(Problems.type(this.code), this.title, this.status.value(), getMessage(), instance, this.code,
				this.errors);
	}

}
