"""The demo catalog as plain data: categories, attributes, product types, product lines.

``catalog_plan.plan_catalog()`` turns these tables into the exact products and variants.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backend.catalog.models import AttributeInputType, Unit

D = Decimal


@dataclass(frozen=True)
class AttributeSpec:
    slug: str
    name: str
    values: tuple[str, ...]
    input_type: AttributeInputType = AttributeInputType.DROPDOWN
    unit: str = ""
    in_name: str = "{}"  # how a value reads inside a product name


ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec("osnova", "Основа",
                  ("акриловая", "алкидная", "силиконовая", "латексная", "полиуретановая")),
    AttributeSpec("blesk", "Степень блеска", ("матовая", "полуматовая", "глянцевая")),
    AttributeSpec("obem", "Объём", ("0.4", "0.9", "1.9", "2.5", "2.7", "5", "10", "20"),
                  AttributeInputType.NUMERIC, "л"),
    AttributeSpec("material", "Материал",
                  ("массив сосны", "массив ольхи", "МДФ", "сталь", "сталь с терморазрывом",
                   "полиуретан", "дюрополимер", "пенополистирол")),
    AttributeSpec("pokrytie", "Покрытие",
                  ("эмаль", "натуральный шпон", "экошпон", "ПВХ-плёнка", "порошковая окраска",
                   "МДФ-панель")),
    AttributeSpec("razmer", "Размер",
                  ("600×2000 мм", "700×2000 мм", "800×2000 мм", "900×2000 мм", "800×2100 мм",
                   "860×2050 мм", "880×2050 мм", "960×2050 мм", "980×2050 мм",
                   "1050×2070 мм", "600×900 мм", "900×1200 мм", "1200×1400 мм",
                   "1300×1400 мм", "1500×1600 мм", "1600×1500 мм", "1800×1500 мм",
                   "2000×1500 мм", "1800×2100 мм", "2100×2100 мм", "2400×2100 мм")),
    AttributeSpec("profil", "Профиль", ("3-камерный", "5-камерный", "6-камерный"),
                  in_name="профиль {}"),
    AttributeSpec("steklopaket", "Стеклопакет",
                  ("однокамерный", "двухкамерный", "энергосберегающий"),
                  in_name="стеклопакет {}"),
    AttributeSpec("tsvet", "Цвет",
                  ("белый", "слоновая кость", "антрацит", "алюминий", "чёрный", "дуб", "венге",
                   "орех", "серый")),
    AttributeSpec("zashchita", "Степень защиты", ("IP20", "IP44", "IP54")),
    AttributeSpec("krivaya", "Характеристика срабатывания", ("B", "C", "D"),
                  in_name="характеристика {}"),
    AttributeSpec("tok", "Номинальный ток", ("6", "10", "16", "25", "32"),
                  AttributeInputType.NUMERIC, "А"),
    AttributeSpec("vyazkost", "Класс вязкости",
                  ("5W-30", "5W-40", "10W-40", "15W-40", "ISO VG 32", "ISO VG 46",
                   "ISO VG 68", "NLGI 1", "NLGI 2", "NLGI 3")),
    AttributeSpec("fasovka", "Фасовка",
                  ("1 л", "4 л", "5 л", "20 л", "208 л", "0,4 кг", "0,8 кг", "4,5 кг",
                   "18 кг", "180 кг")),
)


@dataclass(frozen=True)
class ProductTypeSpec:
    slug: str
    name: str
    product_attributes: tuple[str, ...]
    variant_attributes: tuple[str, ...]


PRODUCT_TYPES: tuple[ProductTypeSpec, ...] = (
    ProductTypeSpec("kraski-i-emali", "Краски и эмали", ("osnova", "blesk"), ("obem",)),
    ProductTypeSpec("dveri", "Двери", ("material", "pokrytie"), ("razmer",)),
    ProductTypeSpec("okna", "Окна и балконные блоки", ("profil", "steklopaket"), ("razmer",)),
    ProductTypeSpec("pogonazhnyi-dekor", "Погонажный декор", ("material",), ("tsvet",)),
    ProductTypeSpec("elektrooborudovanie", "Электрооборудование", ("zashchita", "krivaya"),
                    ("tsvet", "tok")),
    ProductTypeSpec("smazochnye-materialy", "Смазочные материалы", ("vyazkost",),
                    ("fasovka",)),
)


@dataclass(frozen=True)
class VariantSpec:
    """One of a product's five variants: its variant attribute value and quantity rules."""

    value: str  # name of an AttributeValue of the product type's variant attribute
    name: str
    sku_suffix: str
    unit: Unit
    pack_size: Decimal
    min_order_quantity: Decimal
    order_multiple: Decimal
    weight_kg: Decimal
    volume_m3: Decimal


def _can(litres: str, suffix: str, per_box: int) -> VariantSpec:
    volume = D(litres)
    box = D(per_box)
    return VariantSpec(litres, f"{litres.replace('.', ',')} л", suffix, Unit.PIECE, box, box,
                       box, (volume * D("1.35") + D("0.2")).quantize(D("0.001")),
                       (volume * D("0.0013")).quantize(D("0.000001")))


def _door(size: str, kg: int) -> VariantSpec:
    width, height = (int(x) for x in size.split()[0].split("×"))
    return VariantSpec(size, size, f"{width}X{height}", Unit.PIECE, D(1), D(1), D(1), D(kg),
                       (D(width * height) * D("0.00000007")).quantize(D("0.000001")))


def _window(size: str, kg_per_m2: int) -> VariantSpec:
    width, height = (int(x) for x in size.split()[0].split("×"))
    area = D(width * height) / D(1_000_000)
    return VariantSpec(size, size, f"{width}X{height}", Unit.PIECE, D(1), D(1), D(1),
                       (area * kg_per_m2).quantize(D("0.001")),
                       (area * D("0.09")).quantize(D("0.000001")))


def _colour(colour: str, code: str, unit: Unit, pack: str, moq: str, kg: str,
            m3: str) -> VariantSpec:
    return VariantSpec(colour, colour, code, unit, D(pack), D(moq), D(pack), D(kg), D(m3))


def _lube(fasovka: str, code: str, unit: Unit, amount: str) -> VariantSpec:
    size = D(amount)
    return VariantSpec(fasovka, fasovka, code, unit, size, size, size,
                       (size * D("0.92") + D("0.1")).quantize(D("0.001")),
                       (size * D("0.0012")).quantize(D("0.000001")))


PAINT_LARGE = (_can("0.9", "0.9L", 6), _can("2.5", "2.5L", 4), _can("5", "5L", 1),
               _can("10", "10L", 1), _can("20", "20L", 1))
PAINT_SMALL = (_can("0.4", "0.4L", 12), _can("0.9", "0.9L", 6), _can("1.9", "1.9L", 4),
               _can("2.7", "2.7L", 2), _can("10", "10L", 1))
INTERIOR_DOORS = (_door("600×2000 мм", 18), _door("700×2000 мм", 20), _door("800×2000 мм", 22),
                  _door("900×2000 мм", 25), _door("800×2100 мм", 24))
ENTRANCE_DOORS = (_door("860×2050 мм", 62), _door("880×2050 мм", 64),
                  _door("960×2050 мм", 70), _door("980×2050 мм", 72),
                  _door("1050×2070 мм", 80))
WINDOWS_ONE = (_window("600×900 мм", 30), _window("900×1200 мм", 30),
               _window("1200×1400 мм", 30), _window("1300×1400 мм", 30),
               _window("1500×1600 мм", 30))
WINDOWS_TWO = (_window("1300×1400 мм", 32), _window("1500×1600 мм", 32),
               _window("1600×1500 мм", 32), _window("1800×1500 мм", 32),
               _window("2000×1500 мм", 32))
BALCONY = (_window("1800×2100 мм", 34), _window("2100×2100 мм", 34),
           _window("2400×2100 мм", 34), _window("2000×1500 мм", 34),
           _window("1600×1500 мм", 34))
CEILING = tuple(_colour(c, code, Unit.METER, "2", "2", "0.120", "0.002400")
                for c, code in (("белый", "WH"), ("слоновая кость", "IV"), ("серый", "GR"),
                                ("дуб", "OAK"), ("орех", "NUT")))
FLOOR = tuple(_colour(c, code, Unit.METER, "2.5", "5", "0.300", "0.003000")
              for c, code in (("белый", "WH"), ("дуб", "OAK"), ("венге", "WEN"),
                              ("орех", "NUT"), ("серый", "GR")))
MOULDING = tuple(_colour(c, code, Unit.METER, "2", "2", "0.150", "0.001500")
                 for c, code in (("белый", "WH"), ("слоновая кость", "IV"), ("дуб", "OAK"),
                                 ("антрацит", "AN"), ("серый", "GR")))
WIRING = tuple(_colour(c, code, Unit.PIECE, "1", "1", "0.090", "0.000300")
               for c, code in (("белый", "WH"), ("слоновая кость", "IV"), ("антрацит", "AN"),
                               ("алюминий", "AL"), ("чёрный", "BK")))
BREAKERS = tuple(VariantSpec(amps, f"{amps} А", f"{amps}A", Unit.PIECE, D(12), D(12), D(12),
                             D("0.110"), D("0.000250"))
                 for amps in ("6", "10", "16", "25", "32"))
OILS = (_lube("1 л", "1L", Unit.LITER, "1"), _lube("4 л", "4L", Unit.LITER, "4"),
        _lube("5 л", "5L", Unit.LITER, "5"), _lube("20 л", "20L", Unit.LITER, "20"),
        _lube("208 л", "208L", Unit.LITER, "208"))
GREASES = (_lube("0,4 кг", "0.4KG", Unit.KILOGRAM, "0.4"),
           _lube("0,8 кг", "0.8KG", Unit.KILOGRAM, "0.8"),
           _lube("4,5 кг", "4.5KG", Unit.KILOGRAM, "4.5"),
           _lube("18 кг", "18KG", Unit.KILOGRAM, "18"),
           _lube("180 кг", "180KG", Unit.KILOGRAM, "180"))


@dataclass(frozen=True)
class LineSpec:
    """A leaf category's product line: how its products are named and built."""

    sku_prefix: str
    noun: str
    count: int
    product_type: str
    series: tuple[str, ...]
    attributes: tuple[tuple[str, tuple[str, ...]], ...]  # product attribute -> allowed values
    variants: tuple[VariantSpec, ...]
    blurb: str
    samples: bool = False
    made_to_order: bool = False


@dataclass(frozen=True)
class CategorySpec:
    name: str
    children: tuple[CategorySpec, ...] = ()
    line: LineSpec | None = None  # leaves only


PAINT_SERIES = ("Оптима", "Профи", "Норд", "Эксперт", "Классик")
DOOR_SERIES = ("Верона", "Гранд", "Модерн", "Лофт", "Прованс", "Сканди")
PAINT_BASES = ("osnova", ("акриловая", "алкидная", "силиконовая", "латексная"))
GLOSS = ("blesk", ("матовая", "полуматовая", "глянцевая"))


def _leaf(name: str, line: LineSpec) -> CategorySpec:
    return CategorySpec(name, line=line)


CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec("Лакокрасочные материалы", (
        CategorySpec("Краски", (
            _leaf("Фасадные краски", LineSpec(
                "KR-FAS", "Краска фасадная", 15, "kraski-i-emali", PAINT_SERIES,
                (("osnova", ("акриловая", "силиконовая", "латексная")), GLOSS), PAINT_LARGE,
                "Атмосферостойкая краска для бетона, штукатурки и кирпича.", samples=True)),
            _leaf("Интерьерные краски", LineSpec(
                "KR-INT", "Краска интерьерная", 15, "kraski-i-emali", PAINT_SERIES,
                (("osnova", ("акриловая", "латексная")), GLOSS), PAINT_LARGE,
                "Моющаяся краска для стен и потолков в жилых помещениях.", samples=True)),
            _leaf("Краски по металлу", LineSpec(
                "KR-MET", "Краска по металлу", 15, "kraski-i-emali", PAINT_SERIES,
                (("osnova", ("алкидная", "полиуретановая")), GLOSS), PAINT_SMALL,
                "Грунт-эмаль 3 в 1 по ржавчине для заборов, ворот и металлоконструкций.")),
        )),
        _leaf("Эмали", LineSpec(
            "EM-UNI", "Эмаль", 15, "kraski-i-emali", PAINT_SERIES,
            (("osnova", ("алкидная", "акриловая", "полиуретановая")), GLOSS), PAINT_SMALL,
            "Эмаль для дерева и металла, внутренних и наружных работ.", samples=True)),
        _leaf("Грунтовки", LineSpec(
            "GR-UNI", "Грунтовка", 15, "kraski-i-emali", PAINT_SERIES,
            (PAINT_BASES,), PAINT_LARGE,
            "Грунтовка глубокого проникновения, укрепляет основание и снижает расход краски.")),
    )),
    CategorySpec("Двери", (
        CategorySpec("Межкомнатные двери", (
            _leaf("Шпонированные двери", LineSpec(
                "DV-SHP", "Дверь межкомнатная", 15, "dveri", DOOR_SERIES,
                (("material", ("массив сосны", "массив ольхи", "МДФ")),
                 ("pokrytie", ("натуральный шпон",))),
                INTERIOR_DOORS, "Полотно с натуральным шпоном дуба, без коробки и наличников.",
                samples=True, made_to_order=True)),
            _leaf("Окрашенные двери", LineSpec(
                "DV-EML", "Дверь межкомнатная", 15, "dveri", DOOR_SERIES,
                (("material", ("массив сосны", "МДФ")), ("pokrytie", ("эмаль", "экошпон"))),
                INTERIOR_DOORS, "Полотно под эмалью в цвет по каталогу RAL.",
                samples=True, made_to_order=True)),
        )),
        _leaf("Входные двери", LineSpec(
            "DV-VHD", "Дверь входная", 15, "dveri", ("Страж", "Бастион", "Форт", "Гарант"),
            (("material", ("сталь", "сталь с терморазрывом")),
             ("pokrytie", ("порошковая окраска", "МДФ-панель"))),
            ENTRANCE_DOORS, "Стальная дверь с двумя контурами уплотнения и замками 3-го класса.",
            made_to_order=True)),
    )),
    CategorySpec("Окна", (
        CategorySpec("Окна ПВХ", (
            _leaf("Одностворчатые окна", LineSpec(
                "OK-1ST", "Окно ПВХ одностворчатое", 15, "okna", ("Эконом", "Комфорт", "Тепло"),
                (("profil", ("3-камерный", "5-камерный", "6-камерный")),
                 ("steklopaket", ("однокамерный", "двухкамерный", "энергосберегающий"))),
                WINDOWS_ONE, "Поворотно-откидная створка, фурнитура с микропроветриванием.",
                made_to_order=True)),
            _leaf("Двухстворчатые окна", LineSpec(
                "OK-2ST", "Окно ПВХ двухстворчатое", 15, "okna", ("Эконом", "Комфорт", "Тепло"),
                (("profil", ("3-камерный", "5-камерный", "6-камерный")),
                 ("steklopaket", ("однокамерный", "двухкамерный", "энергосберегающий"))),
                WINDOWS_TWO, "Одна глухая и одна поворотно-откидная створка.",
                made_to_order=True)),
        )),
        _leaf("Балконные блоки", LineSpec(
            "OK-BLK", "Балконный блок ПВХ", 15, "okna", ("Эконом", "Комфорт", "Тепло"),
            (("profil", ("3-камерный", "5-камерный", "6-камерный")),
             ("steklopaket", ("однокамерный", "двухкамерный", "энергосберегающий"))),
            BALCONY, "Дверь и окно в одной раме, порог с термовставкой.", made_to_order=True)),
    )),
    CategorySpec("Молдинги и декор", (
        CategorySpec("Плинтусы", (
            _leaf("Потолочные плинтусы", LineSpec(
                "DK-POT", "Плинтус потолочный", 15, "pogonazhnyi-dekor",
                ("П-40", "П-60", "П-80", "П-100", "П-120"),
                (("material", ("полиуретан", "дюрополимер", "пенополистирол")),), CEILING,
                "Плинтус длиной 2 м под покраску и поклейку на монтажный клей.",
                samples=True)),
            _leaf("Напольные плинтусы", LineSpec(
                "DK-POL", "Плинтус напольный", 15, "pogonazhnyi-dekor",
                ("Н-60", "Н-80", "Н-100", "Н-120", "Н-150"),
                (("material", ("МДФ", "дюрополимер", "полиуретан")),), FLOOR,
                "Плинтус длиной 2,5 м с кабель-каналом.", samples=True)),
        )),
        _leaf("Молдинги", LineSpec(
            "DK-MOL", "Молдинг", 15, "pogonazhnyi-dekor",
            ("М-20", "М-30", "М-40", "М-50", "М-70"),
            (("material", ("полиуретан", "дюрополимер", "пенополистирол")),), MOULDING,
            "Декоративный молдинг для стен и потолков, длина 2 м.", samples=True)),
    )),
    CategorySpec("Электрооборудование", (
        CategorySpec("Электроустановочные изделия", (
            _leaf("Розетки", LineSpec(
                "EL-ROZ", "Розетка", 15, "elektrooborudovanie",
                ("Этюд", "Глосса", "Стиль", "Валена", "Атлас"),
                (("zashchita", ("IP20", "IP44", "IP54")),), WIRING,
                "Розетка с заземлением 16 А, 250 В, с защитными шторками.")),
            _leaf("Выключатели", LineSpec(
                "EL-VYK", "Выключатель", 15, "elektrooborudovanie",
                ("Этюд", "Глосса", "Стиль", "Валена", "Атлас"),
                (("zashchita", ("IP20", "IP44", "IP54")),), WIRING,
                "Клавишный выключатель 10 А, скрытой или открытой установки.")),
        )),
        _leaf("Автоматические выключатели", LineSpec(
            "EL-AVT", "Автоматический выключатель", 15, "elektrooborudovanie",
            ("ВА47-29 1P", "ВА47-29 2P", "ВА47-29 3P", "ВА47-63 1P", "ВА47-63 3P"),
            (("krivaya", ("B", "C", "D")),), BREAKERS,
            "Модульный автомат на DIN-рейку, отключающая способность 4,5 кА.")),
    )),
    CategorySpec("Смазочные материалы", (
        CategorySpec("Масла", (
            _leaf("Моторные масла", LineSpec(
                "SM-MOT", "Масло моторное", 15, "smazochnye-materialy",
                ("Волга Синт", "Волга Полусинт", "Волга Дизель", "Волга Турбо"),
                (("vyazkost", ("5W-30", "5W-40", "10W-40", "15W-40")),), OILS,
                "Всесезонное моторное масло для бензиновых и дизельных двигателей.")),
            _leaf("Индустриальные масла", LineSpec(
                "SM-IND", "Масло индустриальное", 15, "smazochnye-materialy",
                ("И-Гидро", "И-Редуктор", "И-Компрессор", "И-Шпиндель", "И-Турбо"),
                (("vyazkost", ("ISO VG 32", "ISO VG 46", "ISO VG 68")),), OILS,
                "Масло для гидросистем, редукторов и станочного оборудования.")),
        )),
        _leaf("Пластичные смазки", LineSpec(
            "SM-PLS", "Смазка пластичная", 15, "smazochnye-materialy",
            ("Литол-24", "Солидол Ж", "ШРУС-4", "Графитная", "Литиевая EP"),
            (("vyazkost", ("NLGI 1", "NLGI 2", "NLGI 3")),), GREASES,
            "Многоцелевая смазка для подшипников и узлов трения.")),
    )),
)
