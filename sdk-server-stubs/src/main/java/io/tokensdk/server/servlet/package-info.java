/** The Jakarta Servlet 6 adapter: serve the same handlers in Tomcat, Jetty or Spring Boot. */
package io.tokensdk.server.servlet;
