/** Module media: see its pom description. */
package newsroom.media;
