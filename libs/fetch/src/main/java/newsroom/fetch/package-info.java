/** Module fetch: see its pom description. */
package newsroom.fetch;
