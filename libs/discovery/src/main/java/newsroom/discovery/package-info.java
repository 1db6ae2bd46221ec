/** Module discovery: see its pom description. */
package newsroom.discovery;
