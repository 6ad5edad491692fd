package org.orchestrator.livesync.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebFluxTest} of the given controllers with the real JSON codec, the problem
 * handler and the request filters, but no database and no access control: the settings a
 * server refuses to start without are given dummy values, and who may call what is the
 * security module's concern (tested there against real servers).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebFluxTest(
		excludeAutoConfiguration = { ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class },
		properties = { "live-sync.admin.password=slice-test",
				"spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:9/unused" })
public @interface ControllerSlice {

	@AliasFor(annotation = WebFluxTest.class, attribute = "controllers")
	Class<?>[] value();

}
