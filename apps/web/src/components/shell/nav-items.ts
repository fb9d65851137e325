export interface NavItem {
  href: string;
  label: string;
  icon: "home" | "activity" | "chart" | "key" | "card" | "cube" | "route" | "shield" | "users";
}

export const NAV_SECTIONS: { title?: string; items: NavItem[] }[] = [
  {
    items: [
      { href: "/dashboard", label: "Overview", icon: "home" },
      { href: "/activity", label: "Activity", icon: "activity" },
      { href: "/usage", label: "Usage", icon: "chart" },
      { href: "/keys", label: "API keys", icon: "key" },
      { href: "/credits", label: "Credits", icon: "card" },
      { href: "/models", label: "Models", icon: "cube" },
    ],
  },
  {
    title: "Settings",
    items: [
      { href: "/settings/routing", label: "Routing", icon: "route" },
      { href: "/settings/privacy", label: "Data policy", icon: "shield" },
      { href: "/settings/members", label: "Members", icon: "users" },
    ],
  },
];
