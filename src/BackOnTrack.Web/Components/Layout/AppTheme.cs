using MudBlazor;

namespace BackOnTrack.Web.Components.Layout;

/// <summary>Calm colours with strong contrast; system fonts (the app loads nothing from other sites).</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f6f5c",
            Secondary = "#3d5a80",
            Error = "#b3261e",
            Warning = "#8a5a00",
            Success = "#2e7d32",
            AppbarBackground = "#1f6f5c",
            Background = "#f7f8f6",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6fd3b8",
            Secondary = "#9ec1e6",
            Error = "#ffb4ab",
            Warning = "#ffcc80",
            Success = "#81c784",
            AppbarBackground = "#15302a",
            Background = "#121614",
            Surface = "#1b201e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
