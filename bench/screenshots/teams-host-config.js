// Host configs shaped after the Microsoft Teams themes of the Adaptive Cards designer (light and dark): Segoe UI,
// Teams' font sizes and spacing, and its colour palette. An approximation for looking at cards, not Teams itself.
window.TEAMS_HOST_CONFIGS = (function () {
  function config(dark) {
    var fg = dark ? "#FFFFFF" : "#242424";
    var subtle = dark ? "#ADADAD" : "#616161";
    var text = function (def) {
      return {
        default: { default: def, subtle: subtle },
        dark: { default: "#242424", subtle: "#616161" },
        light: { default: "#FFFFFF", subtle: "#ADADAD" },
        accent: { default: dark ? "#7F85F5" : "#5B5FC7", subtle: dark ? "#7F85F5" : "#5B5FC7" },
        good: { default: dark ? "#92C353" : "#237B4B", subtle: dark ? "#92C353" : "#237B4B" },
        warning: { default: dark ? "#F8D22A" : "#835C00", subtle: dark ? "#F8D22A" : "#835C00" },
        attention: { default: dark ? "#F9526B" : "#C4314B", subtle: dark ? "#F9526B" : "#C4314B" }
      };
    };
    var style = function (bg) {
      return { backgroundColor: bg, foregroundColors: text(fg) };
    };
    return {
      fontFamily: "'Segoe UI', system-ui, 'DejaVu Sans', sans-serif",
      supportsInteractivity: true,
      spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
      separator: { lineThickness: 1, lineColor: dark ? "#3D3D3D" : "#E0E0E0" },
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
      containerStyles: {
        default: style(dark ? "#292929" : "#FFFFFF"),
        emphasis: style(dark ? "#1F1F1F" : "#F5F5F5"),
        accent: style(dark ? "#2F2F4A" : "#E8EBFA"),
        good: style(dark ? "#0D2E0D" : "#E7F2DA"),
        attention: style(dark ? "#3E1F25" : "#FCF4F6"),
        warning: style(dark ? "#463100" : "#FBF6D9")
      },
      actions: { maxActions: 6, spacing: "default", buttonSpacing: 8, showCard: { actionMode: "inline", inlineTopMargin: 16 },
                 actionsOrientation: "horizontal", actionAlignment: "stretch" },
      factSet: { title: { weight: "bolder", wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 12 }
    };
  }
  return { light: config(false), dark: config(true) };
})();
