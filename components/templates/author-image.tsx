/**
 * An image at a URL the template's author typed (or Liquid produced), shown as the device would:
 * no optimisation proxy, which would need every host allow-listed.
 */
export function AuthorImage(props: { src: string; alt: string; className?: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- see above
  return <img src={props.src} alt={props.alt} className={props.className} />;
}
