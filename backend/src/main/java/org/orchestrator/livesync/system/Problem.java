package org.orchestrator.livesync.system;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem: the body of every error response. {@code type} is a stable URN per
 * {@code code}; {@code errors} lists the offending fields of an invalid request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details")
public record Problem(String type, String title, int status, String detail, String instance, String code,
		List<FieldError> errors) {

	/**
	 * One invalid field: its path in the request (dotted, e.g. {@code wol.mac}) and why.
	 */
	public record FieldError(String field, String message) {
	}

}
