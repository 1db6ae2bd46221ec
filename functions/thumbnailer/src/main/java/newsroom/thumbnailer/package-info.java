/** Module thumbnailer: see its pom description. */
package newsroom.thumbnailer;
