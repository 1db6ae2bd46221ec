/** Module ingest-api: see its pom description. */
package newsroom.ingestapi;
