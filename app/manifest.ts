import type { MetadataRoute } from "next";

/** The web app manifest: name and icons for a home-screen install (the app's name is the same in every language). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Faktum",
    short_name: "Faktum",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#2a57c4",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
