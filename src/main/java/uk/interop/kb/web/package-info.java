/**
 * Plain web plumbing that belongs to no feature: request ids, static assets, the clock, error pages and
 * bad-request handling, problem-details responses and the safe CSV writer. Depends on nothing in the app.
 */
@ApplicationModule(displayName = "Web plumbing", allowedDependencies = {})
package uk.interop.kb.web;

import org.springframework.modulith.ApplicationModule;
