/** Routing service: threads scored mentions into conversations and decides centre, queue and priority. */
package io.vigie.routing;
